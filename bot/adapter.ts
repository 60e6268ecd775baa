import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  DeliveryModes,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { t } from '../dialogs/texts';
import { sendReply } from '../dialogs/render';
import type { Config } from './config/config';
import type { Logger } from './log';

/**
 * botbuilder's CloudAdapter: Bot Framework authentication when MicrosoftAppId/Password are set,
 * anonymous locally. `runInProcess` lets our own channels (Direct Line for the web chat, the IVR)
 * reach the same bot without the network and get the replies back, as `expectReplies` does.
 */
export class FrontdoorAdapter extends CloudAdapter {
  constructor(
    private readonly config: Config,
    logger: Logger,
  ) {
    super(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      }),
    );
    this.onTurnError = async (context: TurnContext, error: Error) => {
      logger.error('turn_error', { code: 'turn_error', error: error.name, detail: error.message.slice(0, 200), channel: context.activity.channelId });
      try {
        await sendReply(context, { lang: 'da', text: t('botError', 'da'), speak: t('botError', 'da') });
      } catch {
        // The channel itself failed; nothing more to tell the citizen here.
      }
    };
  }

  /** Runs one turn for an activity from a trusted in-process channel and returns the bot's replies. */
  async runInProcess(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const claimsIdentity = this.createClaimsIdentity(this.config.MicrosoftAppId);
    const connectorFactory = this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity);
    const full = { serviceUrl: 'http://localhost/in-process', ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    const response = await this.processActivity({ claimsIdentity, connectorFactory, audience: '' } as Parameters<CloudAdapter['processActivityDirect']>[0] & object, full, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}
