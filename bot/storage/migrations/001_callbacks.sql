-- Callbacks booked by citizens (issue 5). phone, name, topic and note are personal data: purged
-- (set to NULL, purged_at set) a configurable number of days after ended_at.
CREATE TABLE callbacks (
  reference       text PRIMARY KEY,
  unit            text NOT NULL,
  slot_start      timestamptz NOT NULL,
  slot_end        timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('booked', 'claimed', 'done', 'no_answer', 'cancelled', 'expired')),
  phone           text,
  name            text,
  topic           text,
  lang            text NOT NULL CHECK (lang IN ('da', 'en')),
  attempts_made   integer NOT NULL DEFAULT 0 CHECK (attempts_made >= 0),
  claimed_by      text,
  note            text,
  idempotency_key text UNIQUE,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  ended_at        timestamptz,
  purged_at       timestamptz,
  CHECK (slot_end > slot_start),
  CHECK ((status IN ('booked', 'claimed')) = (ended_at IS NULL))
);

CREATE INDEX callbacks_unit_slot ON callbacks (unit, slot_start);
CREATE INDEX callbacks_open_slot ON callbacks (slot_end) WHERE status IN ('booked', 'claimed');
CREATE INDEX callbacks_to_purge ON callbacks (ended_at) WHERE purged_at IS NULL;

-- Open bookings per slot. Capacity is enforced on this row inside the booking transaction:
-- UPDATE ... SET booked = booked + 1 WHERE booked < capacity locks it, so concurrent bookings
-- of one slot queue up and never exceed the capacity.
CREATE TABLE callback_slots (
  unit       text NOT NULL,
  slot_start timestamptz NOT NULL,
  booked     integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
  PRIMARY KEY (unit, slot_start)
);
