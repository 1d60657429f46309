package dev.ordertracker.examples.launcher;

import dev.ordertracker.examples.config.ConfigLoader;
import dev.ordertracker.examples.config.LauncherConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code run} and {@code node} read their configuration from, as a picocli mixin: {@code --config FILE}, then
 * the environment, then the flags given to the command ({@link ConfigLoader}).
 */
final class ConfigSource {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (.yaml, .yml or .json)")
  Path file;

  /** The environment the configuration reads (the process's; tests pass theirs). */
  Map<String, String> env = System.getenv();

  /** The configuration, validated; exits 2 naming the key when it is not (see {@link ConfigLoader#loadNow}). */
  LauncherConfig load() {
    return ConfigLoader.loadNow(file, env, LauncherFlags.given(command.commandLine().getParseResult()));
  }
}
