// Integration tests start real processes and wait for queues to drain: give them room.
jest.setTimeout(120_000);
