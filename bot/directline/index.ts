export { registerDirectLineRoutes, DIRECT_LINE_PATH, DEFAULT_GENERATE_RATE_LIMIT, DEFAULT_POST_RATE_LIMIT, type DirectLine, type DirectLineDeps } from './routes';
export { DEFAULT_CONVERSATION_LIMITS, type ConversationLimits } from './conversation-store';
export { BOT_ACCOUNT, WEBCHAT_CHANNEL } from './activities';
export { TOKEN_LIFETIME_SECONDS } from './tokens';
