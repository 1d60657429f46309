package dev.ordertracker.examples.config;

import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * The {@code cluster} section (node mode), read strictly; {@link dev.ordertracker.examples.cluster.ClusterNodeOptions}
 * checks what depends on several keys (discovery). {@code members} and {@code roles} are lists or comma-separated
 * strings.
 */
public final class ClusterSettings {
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String MEMBERS = "members";
  public static final String NAME = "name";
  public static final String EVENTBUS_PORT = "eventbus_port";
  public static final String ROLES = "roles";
  public static final String HA_GROUP = "ha_group";
  public static final String HA_QUORUM = "ha_quorum";
  public static final String FAST_FAILURE_DETECTION = "fast_failure_detection";
  public static final String FLUSH_COALESCING = "flush_coalescing";
  public static final String MAX_NO_HEARTBEAT_SECONDS = "max_no_heartbeat_seconds";
  public static final String DISCOVERY = "discovery";
  public static final String KUBERNETES_SERVICE_DNS = "kubernetes_service_dns";
  public static final String KUBERNETES_NAMESPACE = "kubernetes_namespace";
  public static final String KUBERNETES_SERVICE_NAME = "kubernetes_service_name";
  /** The replicated tracker's own options (state_map, lease_ms, ...); its tracker options are the tracker section. */
  public static final String REPLICATION = "replication";

  static final Set<String> KEYS = Set.of(HOST, PORT, MEMBERS, NAME, EVENTBUS_PORT, ROLES, HA_GROUP, HA_QUORUM,
      FAST_FAILURE_DETECTION, FLUSH_COALESCING, MAX_NO_HEARTBEAT_SECONDS, DISCOVERY, KUBERNETES_SERVICE_DNS,
      KUBERNETES_NAMESPACE, KUBERNETES_SERVICE_NAME, REPLICATION);

  private final JsonObject json;
  private final ConfigReader reader;
  private final JsonObject replication;

  ClusterSettings(JsonObject json) {
    this.json = json;
    this.reader = ConfigReader.of(json, "cluster.", KEYS, "cluster option");
    this.replication = reader.has(REPLICATION) ? reader.object(REPLICATION).copy() : new JsonObject();
  }

  /** The reader of the section, for typed reads that name {@code cluster.<key>}. */
  public ConfigReader reader() {
    return reader;
  }

  /** A list given as a YAML/JSON list or as a comma-separated string. */
  public List<String> list(String key, List<String> defaultValue) {
    if (!reader.has(key)) {
      return defaultValue;
    }
    List<String> raw = json.getValue(key) instanceof String text ? List.of(text.split(",")) : reader.strings(key);
    return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public JsonObject replication() {
    return replication.copy();
  }
}
