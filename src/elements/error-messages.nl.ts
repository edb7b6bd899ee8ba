import type { ProblemTexts } from './error-messages.ts';

/** Dutch texts of the error and not-available states (part of the error chunk). */
const nl: ProblemTexts = {
  'not-found': 'dit evenement is niet gevonden; controleer of de link of het gekozen evenement klopt.',
  unauthorized: 'u bent niet aangemeld of mag dit niet zien; meld u opnieuw aan en probeer het nog eens.',
  'rate-limited': 'de rapportagedienst is nu te druk; probeer het over een paar minuten opnieuw.',
  'rate-limited-auto': 'de rapportagedienst is nu te druk; om {time} wordt het vanzelf opnieuw geprobeerd.',
  unavailable: 'de rapportagedienst is nu niet bereikbaar; probeer het zo opnieuw.',
  timeout: 'de rapportagedienst antwoordde niet op tijd; probeer het zo opnieuw.',
  'invalid-request': 'deze pagina vraagt iets wat de widget niet kan tonen; meld dit aan de beheerder van de site.',
  'invalid-response': 'de rapportagedienst stuurde gegevens die niet getoond kunnen worden; meld dit aan de beheerder van de site.',
  aborted: 'het laden is afgebroken; probeer het opnieuw.',
  sameProblem: 'zie de melding hierboven.',
  sameProblemIn: 'zie de melding bij ‘{card}’.',
  details: 'Technische details',
  notAvailable: 'Nu niet beschikbaar.',
};

export default nl;
