/** Random order flow on the demo account so that the demo stream is live. Internal. */
package dev.ordertracker.simulator.autotrader;
