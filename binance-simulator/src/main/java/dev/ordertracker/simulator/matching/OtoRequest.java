package dev.ordertracker.simulator.matching;

/**
 * A validated OTO / OTOCO request ({@code orderList.place.oto|otoco|opo|opoco}): the working leg (LIMIT or
 * LIMIT_MAKER) and either one pending leg ({@code pending}, OTO: LIMIT, LIMIT_MAKER or MARKET) or a pending OCO pair
 * ({@code pendingPair}, OTOCO). {@code opo}: the pending quantity is what the working leg receives (working BUY,
 * pending SELL; the pending quantities are then ignored). Client ids may be null (generated).
 */
public record OtoRequest(String symbol, String listClientOrderId, OrderRequest working, OrderRequest pending,
    OcoRequest pendingPair, boolean opo) {
}
