export { KnowledgeBase, MAIN_UNIT_ID } from './knowledge-base';
export { DEFAULT_KB_DIR, formatProblem, loadKnowledgeBase, type LoadResult, type Problem } from './load';
