// The webhook receivers, as an edge function uses them.
import {
  HmsWebhookReceiver,
  VideoSdkWebhookReceiver,
  type HmsWebhookEvent,
  type VideoSdkWebhookEvent,
} from "edgeroom";
import { expectAssignable, expectTrue, type Equals } from "./assert.js";

declare const request: Request;
declare const secret: string;
declare const pem: string;

export async function webhooks(): Promise<void> {
  const hms = new HmsWebhookReceiver({ headers: { "x-webhook-secret": secret }, maxAgeSeconds: 300 });
  const event = await hms.receive(request);
  expectTrue<Equals<typeof event, HmsWebhookEvent>>();
  expectAssignable<string>(event.type);
  expectAssignable<string | undefined>(event.data.room_id);
  if (event.type === "peer.join.success") expectAssignable<string | undefined>(event.data.peer_id);
  const sync = hms.verify({ "x-webhook-secret": secret }, "{}");
  expectAssignable<HmsWebhookEvent>(sync);
  hms.verify(request.headers, await request.text());
  new HmsWebhookReceiver({ basicAuth: { username: "u", password: "p" } });
  new HmsWebhookReceiver({ allowUnauthenticated: true });
  expectTrue<Equals<ReturnType<typeof hms.toJSON>, { provider: "100ms"; kind: "webhooks" }>>();
  // @ts-expect-error name a secret header, basic auth, or ask for no authentication
  new HmsWebhookReceiver({ maxAgeSeconds: 300 });
  // @ts-expect-error no authentication must be asked for with true
  new HmsWebhookReceiver({ allowUnauthenticated: false });
  // @ts-expect-error the body is the raw text
  hms.verify({}, { type: "peer.join.success" });

  const vsdk = new VideoSdkWebhookReceiver({ publicKey: pem, maxAgeSeconds: 300 });
  new VideoSdkWebhookReceiver();
  new VideoSdkWebhookReceiver({ baseUrl: "http://127.0.0.1:8787/videosdk", fetch });
  const received = await vsdk.receive(request);
  expectTrue<Equals<typeof received, VideoSdkWebhookEvent>>();
  expectAssignable<string>(received.webhookType);
  expectAssignable<string | undefined>(received.data.meetingId);
  await vsdk.verify({ "videosdk-signature": "c2ln" }, new Uint8Array([123, 125]));
  // @ts-expect-error verify is asynchronous (the key may be fetched)
  const notYet: VideoSdkWebhookEvent = vsdk.verify({}, "{}");
  void notYet;
  // @ts-expect-error a misspelled option
  new VideoSdkWebhookReceiver({ publicKeyPem: pem });
}
