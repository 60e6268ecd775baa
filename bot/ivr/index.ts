/** The phone IVR for TwiML-speaking PBXes (issue 7); the telephony channel goes through the bot. */
export { registerTwilioRoutes, type TwilioRouteDeps } from './twilio-routes';
export { MENU_UNITS } from './ivr-flow';
