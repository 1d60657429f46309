/** The scripted executionReport feed used by benchmarks (back-pressure aware). Internal. */
package dev.ordertracker.simulator.feed;
