/** The health module's public face: what later modules, the demo and the command line use of it, nothing else. */
export {
  latestBacktest,
  listRiskScores,
  riskScoreOf,
  runBacktest,
  scoreWorkspace,
  type RiskScore,
  type StoredBacktest,
} from './risk.service.ts';
export { queueBacktest, queueScoring } from './risk-jobs.service.ts';
export { driverSentence } from './driver-sentence.ts';
export {
  accountScore,
  currentHealthScores,
  type HealthScore,
  readScorecards,
  scoreAccounts,
  type ScoreView,
} from './score/score.service.ts';
export { type Portfolio, readPortfolio } from './portfolio.service.ts';
export type { PortfolioAccount } from './portfolio.ts';
export { healthTimelineOf } from './score/band-timeline.service.ts';
export { scoreHistory, type HistoryPoint } from './score/score.service.ts';
