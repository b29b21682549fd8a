// node:stream/promises -- promise versions of pipeline and finished.
import { finishedPromise as finished, pipelinePromise as pipeline } from "isolet-internal:node/streams_pipeline";

// workerd also names the whole object `promises` here.
export const promises = { pipeline, finished };
export { pipeline, finished };
export default promises;
