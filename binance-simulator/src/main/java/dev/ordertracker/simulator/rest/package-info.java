/** REST endpoints under {@code /api/v3} (query-string and body signatures, X-MBX-APIKEY). Internal. */
package dev.ordertracker.simulator.rest;
