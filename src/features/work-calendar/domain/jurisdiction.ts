/** The national calendar's jurisdiction: the State Council's holiday notices apply everywhere. */
export const NATIONAL = 'CN';
