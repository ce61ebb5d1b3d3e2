// External streams: a room streamed to up to five RTMP ingest URLs (YouTube, Twitch...), a job
// kind of hms/jobs.js. A recorded one leaves a room-composite video.

import { checkResolution, jobHandlers } from "./jobs.js";
import { badBodyParam } from "../shared/http.js";
import { checkTypes } from "./room-rules.js";

const MAX_RTMP_URLS = 5;

function checkRtmpUrls(urls) {
  if (!Array.isArray(urls) || urls.length === 0 || urls.length > MAX_RTMP_URLS) {
    throw badBodyParam("rtmp_urls", `rtmp_urls is required: 1 to ${MAX_RTMP_URLS} rtmp:// or rtmps:// URLs`);
  }
  for (const url of urls) {
    if (typeof url !== "string" || !/^rtmps?:\/\/[^\s/]+/.test(url)) {
      throw badBodyParam("rtmp_urls", `not an rtmp:// or rtmps:// URL: ${JSON.stringify(url)}`);
    }
  }
}

export const externalStreamKind = {
  name: "external-stream",
  noun: "External stream",
  idParam: "stream_id",
  eventIdField: "beam_id",
  defaultDestination: "rtmp",
  events: { started: "beam.started.success", stopped: "beam.stopped.success", recorded: "beam.recording.success" },
  parseStart(ctx, body) {
    checkRtmpUrls(body.rtmp_urls);
    checkTypes(body, { recording: "boolean" });
    checkResolution(body);
    const resolution = body.resolution ?? { width: 1280, height: 720 };
    const recording = body.recording ?? false;
    const plan = recording ? [{ type: "room-composite", file: "composite.mp4", metadata: { resolution }, bytes_per_second: 480_000 }] : [];
    return {
      fields: { rtmp_urls: [...body.rtmp_urls], recording, resolution },
      config: {},
      plan,
      eventData: { rtmp: body.rtmp_urls.map((url) => ({ url })) },
    };
  },
};

export const externalStreamHandlers = jobHandlers(externalStreamKind);
