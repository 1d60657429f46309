package dev.ordertracker.examples.launcher;

import dev.ordertracker.examples.config.ConfigKey;
import dev.ordertracker.examples.config.ConfigKeys;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration flags of {@code run} and {@code node}: one picocli option per key of {@link ConfigKeys} that has a
 * flag, so both commands take the same flags (the cluster's only on {@code node}), list them in {@code --help} with their variable, and pass what was given
 * to {@link dev.ordertracker.examples.config.ConfigLoader} as the top layer.
 */
final class LauncherFlags {
  private LauncherFlags() {
  }

  /**
   * Adds the configuration flags to a command; {@code run} leaves out those of the cluster (the keys stay the same:
   * a file's {@code cluster} section is checked, and ignored, by {@code run}).
   */
  static void addTo(CommandSpec command, boolean node) {
    for (ConfigKey key : ConfigKeys.ALL) {
      if (key.flag() == null || !node && ConfigKeys.nodeOnly(key)) {
        continue;
      }
      OptionSpec.Builder option = OptionSpec.builder("--" + key.flag())
          .type(String.class)
          .paramLabel(label(key))
          .description(key.help() + " [" + key.env() + (key.path() != null ? ", " + key.path() : "") + "]");
      if (key.type() == ConfigKey.Type.BOOL) {
        option.arity("0..1").fallbackValue("true");
      }
      command.addOption(option.build());
    }
  }

  /** The configuration flags the user gave: flag name (without {@code --}) to its text. */
  static Map<String, String> given(ParseResult parsed) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (OptionSpec option : parsed.matchedOptions()) {
      String flag = option.longestName().substring(2);
      if (ConfigKeys.byFlag(flag).isPresent()) {
        flags.put(flag, option.getValue());
      }
    }
    return flags;
  }

  private static String label(ConfigKey key) {
    switch (key.type()) {
      case INT:
        return "N";
      case BOOL:
        return "true|false";
      case NUMBER:
        return "X";
      case LIST:
        return "A,B";
      case JSON:
        return "JSON|@FILE";
      default:
        return "TEXT";
    }
  }
}
