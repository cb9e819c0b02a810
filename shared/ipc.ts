// What the preload needs from the contract, without zod or any schema: the IPC channel name
// and the list of contract channels. shared/contract.ts checks at compile time that this list
// is exactly its channels, so the preload can never expose more or fewer.
export const IPC_CHANNEL = 'yichuang:invoke';

export const CHANNEL_NAMES = [
  'app.context',
  'session.signIn',
  'session.signOut',
  'catalogue.search',
  'catalogue.item',
  'catalogue.export',
  'catalogue.import',
  'case.decide',
  'case.queue',
  'case.get',
  'case.lookup',
  'case.complete',
  'case.supplement',
  'case.terminate',
  'case.deliver',
  'case.rate',
  'rating.request',
  'rating.pending',
  'rating.submit',
  'rating.cancel',
  'notice.kinds',
  'notice.render',
  'notice.print',
  'print.settings',
  'print.setPrinter',
  'calendar.status',
  'calendar.import',
  'sync.status',
  'sync.now',
  'sync.enrol',
  'practice.scenarios',
  'practice.importPack',
  'practice.exportPack',
  'practice.start',
  'practice.inspect',
  'practice.finish',
  'practice.current',
  'practice.results',
  'practice.resultsCsv',
  'practice.sessions',
  'practice.createSession',
  'practice.deleteSession',
  'practice.enter',
  'practice.leave',
] as const;

const names: ReadonlySet<string> = new Set(CHANNEL_NAMES);
export const isChannelName = (c: unknown): c is (typeof CHANNEL_NAMES)[number] => typeof c === 'string' && names.has(c);
