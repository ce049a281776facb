-- Web Push: the server's VAPID key (one for every replica), devices, preferences, and the
-- outbox that push notifications are written to in the same transaction as their event.

CREATE TABLE vapid_keys (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    private_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE push_subscriptions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

CREATE TABLE push_preferences (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- A row per notification per device. Workers lease rows (lease_until) so replicas never send
-- one twice, and a crash mid-send is retried once the lease runs out.
CREATE TABLE push_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT REFERENCES push_subscriptions(id) ON DELETE SET NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    urgency TEXT NOT NULL,
    ttl_seconds INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'GONE')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX push_outbox_due ON push_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX push_outbox_subscription ON push_outbox (subscription_id);
CREATE INDEX push_outbox_user ON push_outbox (user_id);
CREATE INDEX push_outbox_status ON push_outbox (status, id);
