package dev.ordertracker.simulator.account;

import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.signing.KeyType;
import dev.ordertracker.simulator.signing.SignatureVerifier;

/** A simulated account: identity, signature verifier (built once) and balances. Owned by the simulator context. */
public final class Account {

  private final String name;
  private final String apiKey;
  private final SignatureVerifier verifier;
  private final Balances balances = new Balances();

  public Account(AccountOptions options) {
    this.name = options.getName();
    this.apiKey = options.getApiKey();
    this.verifier = SignatureVerifier.of(options.getKeyType(),
        options.getKeyType() == KeyType.HMAC ? options.getSecret() : options.getPublicKeyPem());
    options.getBalances().forEach(balances::credit);
  }

  public String name() {
    return name;
  }

  public String apiKey() {
    return apiKey;
  }

  public SignatureVerifier verifier() {
    return verifier;
  }

  public KeyType keyType() {
    return verifier.keyType();
  }

  public Balances balances() {
    return balances;
  }
}
