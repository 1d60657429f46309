/** Binance wire shapes: 8-decimal strings, order responses, user data events. Internal. */
package dev.ordertracker.simulator.wire;
