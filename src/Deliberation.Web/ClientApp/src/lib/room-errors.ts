// Refusals of the room in the user's words: "第2题为必答题", "第3题最多选2项", "最多500字".
import { errorInfo } from "./strings";

type T = (key: string, ...args: (string | number)[]) => string;

/**
 * The message for a failed call. A detail ("q2", "q3.2", "500") fills the placeholders of "RoomError.{code}+";
 * an item key ("q3") becomes the item's number through <paramref name="itemNo"/>.
 */
export function refusalText(t: T, err: unknown, itemNo?: (key: string) => number | undefined): string {
  const { code, detail } = errorInfo(err);
  const withDetail = `RoomError.${code}+`;
  if (detail !== null && t(withDetail) !== withDetail) {
    const args = detail.split(".").map((part) => (/^q\d+$/.test(part) ? itemNo?.(part) ?? Number(part.slice(1)) : part));
    return t(withDetail, ...args);
  }
  return t(`RoomError.${code}`);
}

/** Whether trying the same call again can help: the connection failed or the server asked for a retry. */
export function isRetryable(err: unknown): boolean {
  const { code } = errorInfo(err);
  return code === "connection" || code === "room.try_again";
}

/** The item key a refusal names ("room.answer_required:q2" gives "q2"), to mark that item. */
export function refusedItem(err: unknown): string | null {
  const detail = errorInfo(err).detail;
  const m = detail ? /^(q\d+)/.exec(detail) : null;
  return m ? m[1] : null;
}
