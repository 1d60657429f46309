/** The {@code /admin} HTTP endpoint: faults, prices, truth view, scripted feed (JSON in and out). Internal. */
package dev.ordertracker.simulator.admin;
