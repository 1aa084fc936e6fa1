/**
 * The area's open incidents, on its card on My areas. Left for the incidents work to fill in
 * (signals as incidents, issue 9): until then it shows nothing rather than a guess.
 */
export function AreaOpenIncidents(_props: { slug: string }) {
  return null;
}
