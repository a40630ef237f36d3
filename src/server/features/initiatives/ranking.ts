/**
 * The strategy session's prioritized list: a Borda count over members' ballots. With n proposals,
 * rank r on a ballot earns n − r + 1 points and an unranked proposal earns none. Ties go to more
 * first choices, then the better average rank, then the title. Pure: the seed and the service share it.
 */
export interface Proposal {
  id: string;
  title: string;
}
export interface BallotEntry {
  personId: string;
  initiativeId: string;
  rank: number;
}
export interface Ranked {
  initiativeId: string;
  rank: number;
  points: number;
  firstChoices: number;
  ballots: number;
  averageRank: number | null;
}

export function bordaRanking(proposals: readonly Proposal[], entries: readonly BallotEntry[]): Ranked[] {
  const n = proposals.length;
  const tally = new Map(proposals.map((p) => [p.id, { points: 0, firstChoices: 0, ballots: 0, rankSum: 0 }]));
  for (const e of entries) {
    const t = tally.get(e.initiativeId);
    if (!t) continue; // no longer a proposal of this session
    t.points += Math.max(n - e.rank + 1, 0);
    t.ballots += 1;
    t.rankSum += e.rank;
    if (e.rank === 1) t.firstChoices += 1;
  }
  const rows = proposals.map((p) => {
    const t = tally.get(p.id)!;
    return { p, points: t.points, firstChoices: t.firstChoices, ballots: t.ballots, averageRank: t.ballots ? Math.round((t.rankSum / t.ballots) * 10) / 10 : null };
  });
  rows.sort(
    (a, b) =>
      b.points - a.points ||
      b.firstChoices - a.firstChoices ||
      (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity) ||
      (a.p.title < b.p.title ? -1 : a.p.title > b.p.title ? 1 : a.p.id < b.p.id ? -1 : 1),
  );
  return rows.map((r, i) => ({ initiativeId: r.p.id, rank: i + 1, points: r.points, firstChoices: r.firstChoices, ballots: r.ballots, averageRank: r.averageRank }));
}
