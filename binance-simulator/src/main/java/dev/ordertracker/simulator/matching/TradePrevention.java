package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * Self-trade prevention (binance-spot-api-docs faqs/stp_faq.md) when a taker meets a resting order of its own
 * account. The effective mode decides which orders lose quantity: EXPIRE_TAKER the taker's remaining quantity,
 * EXPIRE_MAKER the maker's, EXPIRE_BOTH both, DECREMENT (and TRANSFER, which within one account is DECREMENT) the
 * matched quantity from both, so that the smaller order expires and the larger stays open. Each affected order gets
 * an executionReport {@code x=TRADE_PREVENTION} (the maker's first) with {@code l L Y} zero and {@code v A B u U Cs pl
 * pL pY}; an order whose available quantity (q - z - A) reaches zero leaves the book with {@code X=EXPIRED_IN_MATCH},
 * otherwise it keeps its status. Part of the engine; simulator context only.
 */
final class TradePrevention {

  /** {@code u}: the simulator's accounts belong to no trade group. */
  static final long NO_TRADE_GROUP = -1;

  private final MatchingEngine engine;

  TradePrevention(MatchingEngine engine) {
    this.engine = engine;
  }

  void prevent(SymbolBook book, Order taker, Order maker, StpMode mode, BigDecimal matchQty, BigDecimal price,
      long now) {
    long matchId = book.nextPreventedMatchId();
    BigDecimal makerQty = switch (mode) {
      case EXPIRE_MAKER, EXPIRE_BOTH -> maker.remaining();
      case DECREMENT, TRANSFER -> matchQty;
      default -> BigDecimal.ZERO;
    };
    BigDecimal takerQty = switch (mode) {
      case EXPIRE_TAKER, EXPIRE_BOTH -> taker.remaining();
      case DECREMENT, TRANSFER -> matchQty;
      default -> BigDecimal.ZERO;
    };
    if (makerQty.signum() > 0) {
      reduce(book, maker, makerQty, taker, matchId, matchQty, price, now);
    }
    if (takerQty.signum() > 0) {
      reduce(book, taker, takerQty, maker, matchId, matchQty, price, now);
    }
  }

  private void reduce(SymbolBook book, Order o, BigDecimal qty, Order counter, long matchId, BigDecimal execQty,
      BigDecimal execPrice, long now) {
    o.preventedQty = o.preventedQty.add(qty);
    o.preventedMatchId = matchId;
    BigDecimal unlock = o.side == Side.SELL ? qty : o.type == OrderType.MARKET ? BigDecimal.ZERO : qty.multiply(o.price);
    if (unlock.signum() > 0) {
      unlock = unlock.min(o.locked);
      o.locked = o.locked.subtract(unlock);
      o.account.balances().unlock(o.lockedAsset, unlock);
    }
    if (o.remaining().signum() == 0) {
      MatchingEngine.transition(o, OrderStatus.EXPIRED_IN_MATCH, now);
      engine.releaseLock(o);
      o.working = false;
      o.finishedAt = now;
      book.remove(o);
      book.removeStop(o);
    } else {
      o.updateTime = now;
    }
    engine.emit(o, ExecutionType.TRADE_PREVENTION, null, null, null, now, null, null,
        new Prevention(matchId, o.preventedQty, qty, NO_TRADE_GROUP, counter.orderId, counter.symbol(), execQty,
            execPrice, execQty.multiply(execPrice)));
    engine.listener.onBalancesChanged(o.account, List.of(o.lockedAsset), now);
    if (o.list != null && !o.isOpen()) {
      engine.orderLists().legEnded(book, o, now);
    }
  }
}
