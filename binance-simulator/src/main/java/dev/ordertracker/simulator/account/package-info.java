/** Simulated accounts, their keys and balances (free / locked per asset). Internal; simulator context only. */
package dev.ordertracker.simulator.account;
