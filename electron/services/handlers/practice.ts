import * as practice from '../practice';
import * as editor from '../practiceEditor';
import type { HandlerTable } from '../dispatch';

type PracticeChannels =
  | 'practice.scenarios'
  | 'practice.importPack'
  | 'practice.exportPack'
  | 'practice.start'
  | 'practice.inspect'
  | 'practice.finish'
  | 'practice.current'
  | 'practice.results'
  | 'practice.resultsCsv'
  | 'practice.sessions'
  | 'practice.createSession'
  | 'practice.deleteSession'
  | 'practice.scenario'
  | 'practice.previewScenario'
  | 'practice.saveScenario'
  | 'practice.deleteScenario';

/** Served by every workstation; each refuses unless it is the practice one (see practice.requirePractice). */
export function practiceHandlers(ws: practice.AttemptDeps): Pick<HandlerTable, PracticeChannels> {
  return {
    'practice.scenarios': () => practice.listScenarios(ws),
    'practice.scenario': ({ packId, scenarioId }) => editor.getScenario(ws, packId, scenarioId),
    'practice.previewScenario': ({ scenario }) => editor.previewScenario(ws, scenario),
    'practice.saveScenario': (input) => editor.saveScenario(ws, input),
    'practice.deleteScenario': ({ packId, scenarioId }) => editor.deleteScenario(ws, packId, scenarioId),
    'practice.importPack': ({ json }) => practice.importPack(ws, json),
    'practice.exportPack': ({ packId }) => practice.exportPack(ws, packId),
    'practice.start': ({ packId, scenarioId }) => practice.startAttempt(ws, packId, scenarioId),
    'practice.inspect': ({ attemptId, cardId }) => practice.inspect(ws, attemptId, cardId),
    'practice.finish': (input) => practice.finishAttempt(ws, input),
    'practice.current': () => practice.currentAttempt(ws),
    'practice.results': ({ sessionId }) => ({ rows: practice.results(ws, sessionId) }),
    'practice.resultsCsv': ({ sessionId }) => practice.resultsCsvFile(ws, sessionId),
    'practice.sessions': () => ({ sessions: practice.listSessions(ws) }),
    'practice.createSession': (input) => practice.createSession(ws, input),
    'practice.deleteSession': ({ id }) => {
      practice.removeSession(ws, id);
      return { ok: true as const };
    },
  };
}
