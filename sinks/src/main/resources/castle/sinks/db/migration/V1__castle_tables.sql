-- Castle's query tables, written by the JDBC sink connector (castle.sinks.jdbc). Amounts are stored
-- exactly as Castle keeps them, fixed-point integers (the *_units columns) with the scale that applies,
-- and shown as exact decimals by generated columns. Nothing here is ever a float.

CREATE FUNCTION castle_decimal(units bigint, scale int) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT round(units::numeric / (10::numeric ^ scale), scale) $$;

-- Every public trade once (topic market.trades).
CREATE TABLE trades (
  symbol                   text        NOT NULL,
  trade_id                 bigint      NOT NULL,
  price_units              bigint      NOT NULL,
  qty_units                bigint      NOT NULL,
  quote_qty_units          bigint      NOT NULL,
  base_asset               text        NOT NULL,
  quote_asset              text        NOT NULL,
  base_scale               int         NOT NULL,
  quote_scale              int         NOT NULL,
  buyer_is_maker           boolean     NOT NULL,
  buy_order_id             bigint      NOT NULL,
  sell_order_id            bigint      NOT NULL,
  buyer_account_id         bigint      NOT NULL,
  seller_account_id        bigint      NOT NULL,
  buyer_commission_units   bigint      NOT NULL,
  seller_commission_units  bigint      NOT NULL,
  taker_command_id         bigint      NOT NULL,
  traded_at                timestamptz NOT NULL,
  price     numeric GENERATED ALWAYS AS (castle_decimal(price_units, quote_scale)) STORED,
  qty       numeric GENERATED ALWAYS AS (castle_decimal(qty_units, base_scale)) STORED,
  quote_qty numeric GENERATED ALWAYS AS (castle_decimal(quote_qty_units, quote_scale)) STORED,
  PRIMARY KEY (symbol, trade_id)
);
CREATE INDEX trades_by_time ON trades (traded_at);
CREATE INDEX trades_by_buyer ON trades (buyer_account_id, traded_at);
CREATE INDEX trades_by_seller ON trades (seller_account_id, traded_at);

-- The latest state of each order (topic orders.executions).
CREATE TABLE orders (
  order_id               bigint      PRIMARY KEY,
  account_id             bigint      NOT NULL,
  symbol                 text        NOT NULL,
  client_order_id        text        NOT NULL,
  side                   text        NOT NULL,
  type                   text        NOT NULL,
  time_in_force          text        NOT NULL,
  status                 text        NOT NULL,
  price_units            bigint      NOT NULL,
  orig_qty_units         bigint      NOT NULL,
  quote_order_qty_units  bigint      NOT NULL,
  stop_price_units       bigint      NOT NULL,
  cum_qty_units          bigint      NOT NULL,
  cum_quote_qty_units    bigint      NOT NULL,
  base_scale             int         NOT NULL,
  quote_scale            int         NOT NULL,
  is_working             boolean     NOT NULL,
  reason                 text        NOT NULL,
  last_execution_type    text        NOT NULL,
  execution_id           bigint      NOT NULL,
  order_time             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  price         numeric GENERATED ALWAYS AS (castle_decimal(price_units, quote_scale)) STORED,
  orig_qty      numeric GENERATED ALWAYS AS (castle_decimal(orig_qty_units, base_scale)) STORED,
  cum_qty       numeric GENERATED ALWAYS AS (castle_decimal(cum_qty_units, base_scale)) STORED,
  cum_quote_qty numeric GENERATED ALWAYS AS (castle_decimal(cum_quote_qty_units, quote_scale)) STORED
);
CREATE INDEX orders_by_account ON orders (account_id, order_time);
CREATE INDEX orders_open ON orders (account_id, symbol) WHERE status IN ('NEW', 'PARTIALLY_FILLED');

-- Every balance change once (topic wallet.ledger).
CREATE TABLE ledger (
  account_id          bigint      NOT NULL,
  entry_id            bigint      NOT NULL,
  asset               text        NOT NULL,
  scale               int         NOT NULL,
  delta_free_units    bigint      NOT NULL,
  delta_locked_units  bigint      NOT NULL,
  free_after_units    bigint      NOT NULL,
  locked_after_units  bigint      NOT NULL,
  cause               text        NOT NULL,
  cause_id            text        NOT NULL,
  symbol              text,
  order_id            bigint      NOT NULL,
  trade_id            bigint      NOT NULL,
  command_id          bigint      NOT NULL,
  entry_time          timestamptz NOT NULL,
  delta_free   numeric GENERATED ALWAYS AS (castle_decimal(delta_free_units, scale)) STORED,
  delta_locked numeric GENERATED ALWAYS AS (castle_decimal(delta_locked_units, scale)) STORED,
  free_after   numeric GENERATED ALWAYS AS (castle_decimal(free_after_units, scale)) STORED,
  locked_after numeric GENERATED ALWAYS AS (castle_decimal(locked_after_units, scale)) STORED,
  PRIMARY KEY (account_id, entry_id),
  CHECK (scale BETWEEN 0 AND 18)
);
CREATE INDEX ledger_by_asset ON ledger (account_id, asset, entry_id);

-- Each user's latest profile (topic users.events). No passwords, API keys or secrets.
CREATE TABLE users (
  user_id           bigint      PRIMARY KEY,
  email             text        NOT NULL,
  role              text        NOT NULL,
  kyc_status        text        NOT NULL,
  kyc_tier          int         NOT NULL,
  fee_tier          int         NOT NULL,
  last_event        text        NOT NULL,
  last_reason       text        NOT NULL,
  registered_at     timestamptz,
  updated_at        timestamptz NOT NULL,
  source_partition  int         NOT NULL,
  source_offset     bigint      NOT NULL
);
CREATE INDEX users_by_email ON users (lower(email));

-- OHLCV candles of every interval, the newest version of each (topic market.candles).
CREATE TABLE candles (
  symbol                        text        NOT NULL,
  interval                      text        NOT NULL,
  open_time                     timestamptz NOT NULL,
  close_time                    timestamptz NOT NULL,
  open_units                    bigint      NOT NULL,
  high_units                    bigint      NOT NULL,
  low_units                     bigint      NOT NULL,
  close_units                   bigint      NOT NULL,
  volume_units                  bigint      NOT NULL,
  quote_volume_units            bigint      NOT NULL,
  trade_count                   bigint      NOT NULL,
  taker_buy_base_volume_units   bigint      NOT NULL,
  taker_buy_quote_volume_units  bigint      NOT NULL,
  first_trade_id                bigint      NOT NULL,
  last_trade_id                 bigint      NOT NULL,
  closed                        boolean     NOT NULL,
  version                       bigint      NOT NULL,
  base_scale                    int         NOT NULL,
  quote_scale                   int         NOT NULL,
  open         numeric GENERATED ALWAYS AS (castle_decimal(open_units, quote_scale)) STORED,
  high         numeric GENERATED ALWAYS AS (castle_decimal(high_units, quote_scale)) STORED,
  low          numeric GENERATED ALWAYS AS (castle_decimal(low_units, quote_scale)) STORED,
  close        numeric GENERATED ALWAYS AS (castle_decimal(close_units, quote_scale)) STORED,
  volume       numeric GENERATED ALWAYS AS (castle_decimal(volume_units, base_scale)) STORED,
  quote_volume numeric GENERATED ALWAYS AS (castle_decimal(quote_volume_units, quote_scale)) STORED,
  PRIMARY KEY (symbol, interval, open_time)
);
