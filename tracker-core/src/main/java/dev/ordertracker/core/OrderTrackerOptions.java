package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Configuration of {@link OrderTrackerVerticle}, read once from the deployment's config JSON. Unknown keys and bad
 * values are rejected with a message naming the key (the deployment fails).
 *
 * <pre>
 *   max_history_size   int  &gt; 0      1000     completed orders kept in memory (oldest evicted first)
 *   address_prefix     string         "orders" event-bus addresses: &lt;prefix&gt;.tracker, &lt;prefix&gt;.events.&lt;TYPE&gt;
 *   initial_sequence   long &gt;= 0     0        the first event gets initial_sequence + 1 (continue after a restore)
 *   publish_events     boolean        true     false: track only, publish nothing (events_published stays 0)
 *   local_ingest       boolean        true     also accept OrderUpdate records at &lt;prefix&gt;.tracker.ingest
 *   store              object         absent   durable history (journal, restart recovery, orders.history):
 *                                              see {@link dev.ordertracker.core.store.StoreOptions}
 * </pre>
 */
public final class OrderTrackerOptions {
  public static final String MAX_HISTORY_SIZE = "max_history_size";
  public static final String ADDRESS_PREFIX = "address_prefix";
  public static final String INITIAL_SEQUENCE = "initial_sequence";
  public static final String PUBLISH_EVENTS = "publish_events";
  public static final String LOCAL_INGEST = "local_ingest";
  public static final String STORE = "store";

  public static final int DEFAULT_MAX_HISTORY_SIZE = 1000;
  public static final String DEFAULT_ADDRESS_PREFIX = Addresses.DEFAULT_PREFIX;
  public static final long DEFAULT_INITIAL_SEQUENCE = 0;
  public static final boolean DEFAULT_PUBLISH_EVENTS = true;
  public static final boolean DEFAULT_LOCAL_INGEST = true;

  private static final Set<String> KEYS = Set.of(MAX_HISTORY_SIZE, ADDRESS_PREFIX, INITIAL_SEQUENCE, PUBLISH_EVENTS,
      LOCAL_INGEST, STORE);

  private int maxHistorySize = DEFAULT_MAX_HISTORY_SIZE;
  private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
  private long initialSequence = DEFAULT_INITIAL_SEQUENCE;
  private boolean publishEvents = DEFAULT_PUBLISH_EVENTS;
  private boolean localIngest = DEFAULT_LOCAL_INGEST;
  private dev.ordertracker.core.store.StoreOptions store;

  public OrderTrackerOptions() {
  }

  /** @throws IllegalArgumentException naming the key for unknown keys and bad values */
  public OrderTrackerOptions(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "", KEYS, "tracker option");
    setMaxHistorySize(r.intValue(MAX_HISTORY_SIZE, DEFAULT_MAX_HISTORY_SIZE));
    setAddressPrefix(r.string(ADDRESS_PREFIX, DEFAULT_ADDRESS_PREFIX));
    setInitialSequence(r.longValue(INITIAL_SEQUENCE, DEFAULT_INITIAL_SEQUENCE));
    setPublishEvents(r.bool(PUBLISH_EVENTS, DEFAULT_PUBLISH_EVENTS));
    setLocalIngest(r.bool(LOCAL_INGEST, DEFAULT_LOCAL_INGEST));
    if (r.has(STORE)) {
      setStore(new dev.ordertracker.core.store.StoreOptions(r.object(STORE)));
    }
  }

  public int getMaxHistorySize() {
    return maxHistorySize;
  }

  public OrderTrackerOptions setMaxHistorySize(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(MAX_HISTORY_SIZE + " must be positive, was " + value);
    }
    this.maxHistorySize = value;
    return this;
  }

  public String getAddressPrefix() {
    return addressPrefix;
  }

  public OrderTrackerOptions setAddressPrefix(String value) {
    try {
      Addresses.withPrefix(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(ADDRESS_PREFIX + ": '" + value + "' must be dot-separated words");
    }
    this.addressPrefix = value;
    return this;
  }

  public long getInitialSequence() {
    return initialSequence;
  }

  public OrderTrackerOptions setInitialSequence(long value) {
    if (value < 0) {
      throw new IllegalArgumentException(INITIAL_SEQUENCE + " must not be negative, was " + value);
    }
    this.initialSequence = value;
    return this;
  }

  public boolean isPublishEvents() {
    return publishEvents;
  }

  public OrderTrackerOptions setPublishEvents(boolean value) {
    this.publishEvents = value;
    return this;
  }

  public boolean isLocalIngest() {
    return localIngest;
  }

  public OrderTrackerOptions setLocalIngest(boolean value) {
    this.localIngest = value;
    return this;
  }

  /** The durable store's options, or null when the tracker keeps its state in memory only. */
  public dev.ordertracker.core.store.StoreOptions getStore() {
    return store;
  }

  public OrderTrackerOptions setStore(dev.ordertracker.core.store.StoreOptions value) {
    this.store = value == null ? null : value.validate();
    return this;
  }

  public Addresses addresses() {
    return Addresses.withPrefix(addressPrefix);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put(MAX_HISTORY_SIZE, maxHistorySize)
        .put(ADDRESS_PREFIX, addressPrefix)
        .put(INITIAL_SEQUENCE, initialSequence)
        .put(PUBLISH_EVENTS, publishEvents)
        .put(LOCAL_INGEST, localIngest);
    if (store != null) {
      json.put(STORE, store.toJson());
    }
    return json;
  }
}
