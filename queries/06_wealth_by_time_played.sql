-- name: wealth_by_time_played
-- question: Do players accumulate wealth or spend it as they play longer?
-- description: For the player dashboard. Players who signed in through the game client, grouped by time played in 5-second steps (from their first login to their latest purchase, join, leave or fight); for each step the number of players and their mean latest wealth. A rising line means players accumulate; a falling one means they spend.
-- chart: line
-- x: played_from_seconds   -- y: avg_wealth
with figures as (
  select player_id,
         max_by(player_wealth, player_version) as wealth,
         min(case when event_type = 'LoggedIn' then occurred_at end) as first_login_at,
         max(case when event_type in ('ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought') then occurred_at end) as last_action_at,
         sum(case when event_type = 'LoggedIn' then 1 else 0 end) as logins
  from all_events group by player_id
), played as (
  select wealth, cast(floor(cast(date_diff('millisecond', first_login_at, last_action_at) as double) / 5000) * 5 as bigint) as played_from_seconds
  from figures where logins > 0 and last_action_at is not null
)
select played_from_seconds, count(*) as players, round(avg(wealth), 2) as avg_wealth
from played
group by played_from_seconds
order by played_from_seconds
