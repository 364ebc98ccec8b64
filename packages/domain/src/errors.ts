/** Why the decider refused a command without recording anything. Tagged values, no HTTP codes. */
export type PlayerError =
  | { readonly _tag: 'PlayerNotFound'; readonly player_id: string }
  | { readonly _tag: 'PlayerAlreadyExists'; readonly player_id: string }
  | { readonly _tag: 'WealthOutOfRange'; readonly wealth: number; readonly max: number }
  | { readonly _tag: 'CostOutOfRange'; readonly cost: number; readonly max: number }
  | { readonly _tag: 'UnknownItem'; readonly kind: string; readonly item_type: string | null }
  | { readonly _tag: 'UnknownOffer'; readonly offer_id: string }
  | { readonly _tag: 'OfferNotApplicable'; readonly offer_id: string; readonly kind: string }
  | { readonly _tag: 'UnknownOrg'; readonly org_kind: string; readonly org: string | null }
  | { readonly _tag: 'UnknownLevel'; readonly org: string; readonly level: string }
  | { readonly _tag: 'AlreadyMember'; readonly org: string }
  | { readonly _tag: 'NotAMember'; readonly org: string }
  | { readonly _tag: 'UnknownEnemy'; readonly enemy: string }
  | { readonly _tag: 'PlayerExhausted'; readonly health: number }
  | { readonly _tag: 'TooManyAffiliations'; readonly max: number }
  | { readonly _tag: 'TooManyItemTypes'; readonly max: number };

export type PlayerErrorTag = PlayerError['_tag'];
