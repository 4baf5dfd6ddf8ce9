package io.edgeoffload.runtime.device;

/**
 * One completed request. Times in seconds; the four parts add up to at most the total (the rest is
 * the device's own bookkeeping, encoding and decoding).
 *
 * @param deviceId device name
 * @param requestId request id, unique per device
 * @param point the point chosen (S: local)
 * @param outcome how it completed
 * @param predictedSeconds the policy's prediction (NaN when none)
 * @param totalSeconds from the decision to the result
 * @param localComputeSeconds head, plus the tail when the device ran it (the policy's decision and
 *     any contact with the server before the request are in the total only)
 * @param transferSeconds round trip minus the server's wait and compute (0 when not offloaded)
 * @param serverWaitSeconds server queue wait (0 when not offloaded)
 * @param serverComputeSeconds server tail compute (0 when not offloaded)
 * @param bytesSent crossing bytes sent (0 when local)
 * @param maxRelativeError against the full model run locally on the same input (NaN when not
 *     checked)
 * @param detail the server's status when it failed, else empty
 */
public record RequestRecord(
    String deviceId,
    long requestId,
    int point,
    Outcome outcome,
    double predictedSeconds,
    double totalSeconds,
    double localComputeSeconds,
    double transferSeconds,
    double serverWaitSeconds,
    double serverComputeSeconds,
    long bytesSent,
    double maxRelativeError,
    String detail) {

  /** CSV header matching {@link #toCsv()}. */
  public static final String CSV_HEADER =
      "device,request,point,outcome,predicted_s,total_s,local_compute_s,transfer_s,"
          + "server_wait_s,server_compute_s,bytes_sent,max_rel_error,detail";

  /** One CSV line (no newline). */
  public String toCsv() {
    return String.join(
        ",",
        deviceId,
        Long.toString(requestId),
        Integer.toString(point),
        outcome.name(),
        num(predictedSeconds),
        num(totalSeconds),
        num(localComputeSeconds),
        num(transferSeconds),
        num(serverWaitSeconds),
        num(serverComputeSeconds),
        Long.toString(bytesSent),
        num(maxRelativeError),
        "\"" + detail.replace("\"", "'").replace('\n', ' ') + "\"");
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
