package dev.ordertracker.simulator.account;

import dev.ordertracker.simulator.AccountOptions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts by name and by API key. Built once at start; owned by the simulator context. */
public final class AccountRegistry {

  private final Map<String, Account> byName = new LinkedHashMap<>();
  private final Map<String, Account> byApiKey = new LinkedHashMap<>();

  public AccountRegistry(List<AccountOptions> accounts) {
    for (AccountOptions options : accounts) {
      Account account = new Account(options);
      byName.put(account.name(), account);
      byApiKey.put(account.apiKey(), account);
    }
  }

  public Optional<Account> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<Account> byApiKey(String apiKey) {
    return Optional.ofNullable(byApiKey.get(apiKey));
  }

  public Collection<Account> all() {
    return byName.values();
  }
}
