/** Every lexicon and cue table, bundled as JSON. Cue tables mix Swedish and English entries. */

import type { LexiconEntry, LexiconFile } from '../types';
import commercialEn from './commercial.en.json';
import commercialSv from './commercial.sv.json';
import confidentialEn from './confidential.en.json';
import confidentialSv from './confidential.sv.json';
import copyrightEn from './copyright.en.json';
import copyrightSv from './copyright.sv.json';
import faultCues from './cues/fault.json';
import personCues from './cues/person.json';
import politicalCues from './cues/political.json';
import praiseCues from './cues/praise.json';
import questionCues from './cues/question.json';
import hateSpeechEn from './hate_speech.en.json';
import hateSpeechSv from './hate_speech.sv.json';
import illegalOtherEn from './illegal_other.en.json';
import illegalOtherSv from './illegal_other.sv.json';
import incitementEn from './incitement.en.json';
import incitementSv from './incitement.sv.json';
import offensivePersonalDataEn from './offensive_personal_data.en.json';
import offensivePersonalDataSv from './offensive_personal_data.sv.json';
import personalAttackEn from './personal_attack.en.json';
import personalAttackSv from './personal_attack.sv.json';
import profanityEn from './profanity.en.json';
import profanitySv from './profanity.sv.json';
import violencePornEn from './violence_porn.en.json';
import violencePornSv from './violence_porn.sv.json';

const entries = (list: unknown): readonly LexiconEntry[] => list as readonly LexiconEntry[];

export const FLAG_LEXICONS: readonly LexiconFile[] = [
  { group: 'commercial', lang: 'sv', entries: entries(commercialSv) },
  { group: 'commercial', lang: 'en', entries: entries(commercialEn) },
  { group: 'confidential', lang: 'sv', entries: entries(confidentialSv) },
  { group: 'confidential', lang: 'en', entries: entries(confidentialEn) },
  { group: 'copyright', lang: 'sv', entries: entries(copyrightSv) },
  { group: 'copyright', lang: 'en', entries: entries(copyrightEn) },
  { group: 'hate_speech', lang: 'sv', entries: entries(hateSpeechSv) },
  { group: 'hate_speech', lang: 'en', entries: entries(hateSpeechEn) },
  { group: 'illegal_other', lang: 'sv', entries: entries(illegalOtherSv) },
  { group: 'illegal_other', lang: 'en', entries: entries(illegalOtherEn) },
  { group: 'incitement', lang: 'sv', entries: entries(incitementSv) },
  { group: 'incitement', lang: 'en', entries: entries(incitementEn) },
  { group: 'offensive_personal_data', lang: 'sv', entries: entries(offensivePersonalDataSv) },
  { group: 'offensive_personal_data', lang: 'en', entries: entries(offensivePersonalDataEn) },
  { group: 'personal_attack', lang: 'sv', entries: entries(personalAttackSv) },
  { group: 'personal_attack', lang: 'en', entries: entries(personalAttackEn) },
  { group: 'profanity', lang: 'sv', entries: entries(profanitySv) },
  { group: 'profanity', lang: 'en', entries: entries(profanityEn) },
  { group: 'violence_porn', lang: 'sv', entries: entries(violencePornSv) },
  { group: 'violence_porn', lang: 'en', entries: entries(violencePornEn) },
];

export const CUE_TABLES: readonly LexiconFile[] = [
  { group: 'fault', lang: 'sv', entries: entries(faultCues) },
  { group: 'person', lang: 'sv', entries: entries(personCues) },
  { group: 'political', lang: 'sv', entries: entries(politicalCues) },
  { group: 'praise', lang: 'sv', entries: entries(praiseCues) },
  { group: 'question', lang: 'sv', entries: entries(questionCues) },
];
