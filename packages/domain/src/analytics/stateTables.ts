import { itemCount, type PlayerState } from '../state.js';
import { col, type Column, type Row } from './columns.js';
import { EXPORT_COLUMN, exportsTableOf } from './lakeLayout.js';

/**
 * A table of current player state, exported from the snapshots rather than fed from the log. Its files land in the
 * table `<name>_exports`, partitioned by `export_id`; the name itself is a view of the newest complete export.
 */
export interface StateTableSpec {
  readonly name: string;
  readonly doc: string;
  readonly columns: ReadonlyArray<Column>;
  /** The table's rows for one registered player, exported at `exportedAt` (epoch milliseconds). */
  readonly rows: (s: PlayerState, exportedAt: number) => ReadonlyArray<Row>;
}

const players: StateTableSpec = {
  name: 'players',
  doc: 'Every registered player as the snapshots hold them at the latest state export (`placebo export-state`, or the sink every PLACEBO_STATE_EXPORT_MS), one row each. A view of the newest export in players_exports (partitioned by export_id); player_items and player_orgs read the same export.',
  columns: [
    col('player_id', 'string', 'The player.'),
    col('name', 'string', 'The name chosen at registration.'),
    col('wealth', 'double', 'Coins held.'),
    col('health', 'int32', 'Health points.'),
    col('created_at', 'timestamp', 'When the player registered (UTC).'),
    col('num_items', 'int64', 'Items held, all types together (the sum of player_items.quantity).'),
    col('num_orgs', 'int32', 'Guilds and teams the player belongs to (rows of player_orgs).'),
    col('version', 'int64', 'player_version of the last event folded into the state.'),
    col('exported_at', 'timestamp', 'When the export that wrote the row started (UTC).'),
  ],
  rows: (s, exportedAt) => [
    {
      player_id: s.id,
      name: s.name,
      wealth: s.wealth,
      health: s.health,
      created_at: Date.parse(s.created_at),
      num_items: itemCount(s.inventory),
      num_orgs: s.affiliations.length,
      version: s.version,
      exported_at: exportedAt,
    },
  ],
};

const playerItems: StateTableSpec = {
  name: 'player_items',
  doc: "The inventory of every player at the latest export, one row per (player, kind, type) held: the seed's inventory, flattened.",
  columns: [
    col('player_id', 'string', 'The player.'),
    col('kind', 'string', 'sword, spell, knife, armor, bow, arrow or potion.'),
    col('type', 'string', 'The item (cutlass, charm …).'),
    col('quantity', 'int64', 'How many of the item the player holds.'),
  ],
  rows: (s) => s.inventory.map((i) => ({ player_id: s.id, kind: i.kind, type: i.type, quantity: i.quantity })),
};

const playerOrgs: StateTableSpec = {
  name: 'player_orgs',
  doc: "The guilds and teams every player belongs to at the latest export, one row per membership: the seed's affiliations, flattened.",
  columns: [
    col('player_id', 'string', 'The player.'),
    col('org_kind', 'string', 'guild or team.'),
    col('org', 'string', 'The organisation.'),
    col('level', 'string', 'The level joined.'),
    col('joined_at', 'timestamp', 'When the player joined (UTC).'),
  ],
  rows: (s) => s.affiliations.map((a) => ({ player_id: s.id, org_kind: a.kind, org: a.org, level: a.level, joined_at: Date.parse(a.joined_at) })),
};

/**
 * The state tables, `players` first. Every state view reads the export that is newest in `players_exports`, and an
 * export publishes `players` last: the three tables switch together to an export whose files are all in place.
 */
export const stateTables: ReadonlyArray<StateTableSpec> = [players, playerItems, playerOrgs];

/** The table whose newest export every state view reads. */
export const STATE_HEAD = players.name;

/** Portable SQL of a state table's view: its columns from the newest export of the head table. */
export const stateViewSql = (t: StateTableSpec): string =>
  `select ${t.columns.map((c) => c.name).join(', ')} from ${exportsTableOf(t)} where ${EXPORT_COLUMN} = (select max(${EXPORT_COLUMN}) from ${exportsTableOf({ name: STATE_HEAD })})`;
