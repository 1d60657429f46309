/** Routing of user data events to subscriptions, with the delivery faults. Internal; simulator context only. */
package dev.ordertracker.simulator.stream;
