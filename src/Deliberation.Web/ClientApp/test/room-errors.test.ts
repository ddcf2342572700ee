import { describe, expect, it } from "vitest";
import { isRetryable, refusalText, refusedItem } from "../src/lib/room-errors";
import { makeT } from "../src/lib/strings";

const t = makeT({
  "RoomError.room.answer_required": "还有必答题没有作答。",
  "RoomError.room.answer_required+": "第{0}题为必答题，请作答。",
  "RoomError.room.item_too_many_choices+": "第{0}题最多选{1}项。",
  "RoomError.room.too_long+": "内容太长了，最多{0}字，请精简后再发。",
  "RoomError.room.invalid_answer": "请检查您的选择或填写。",
  "RoomError.connection": "网络连接失败，请检查网络后重试。",
  "RoomError.room.invalid_text": "内容含有无法发送的字符（如控制字符），请删除后再试。",
  "RoomError.room.invalid_text+": "第{0}题含有无法发送的字符，请删除后再试。",
  "RoomError.room.bad_request": "请求格式不正确，请刷新页面后重试（您的操作未生效）。",
  "RoomError.room.server_error": "出错了，请重试（您的操作未生效）。",
  "RoomError.room.server_error+": "出错了，请重试（您的操作未生效）。如问题持续，请把错误编号 {0} 告诉工作人员。",
});
const hub = (m: string) => new Error(`An unexpected error occurred invoking 'X' on the server. HubException: ${m}`);

describe("refusalText", () => {
  it("names the item by its number and the limit", () => {
    expect(refusalText(t, hub("room.answer_required:q2"))).toBe("第2题为必答题，请作答。");
    expect(refusalText(t, hub("room.item_too_many_choices:q3.2"))).toBe("第3题最多选2项。");
    expect(refusalText(t, hub("room.too_long:500"))).toBe("内容太长了，最多500字，请精简后再发。");
  });

  it("maps an item key to the item's position when the page knows it", () => {
    expect(refusalText(t, hub("room.answer_required:q7"), (k) => (k === "q7" ? 1 : undefined))).toBe("第1题为必答题，请作答。");
  });

  it("falls back to the plain message without a detail text, and to the connection message", () => {
    expect(refusalText(t, hub("room.answer_required"))).toBe("还有必答题没有作答。");
    expect(refusalText(t, hub("room.invalid_answer:q1"))).toBe("请检查您的选择或填写。");
    expect(refusalText(t, new Error("WebSocket closed"))).toBe("网络连接失败，请检查网络后重试。");
  });
});

describe("bad input and faults", () => {
  it("says the text cannot be sent, naming the questionnaire item when there is one", () => {
    expect(refusalText(t, hub("room.invalid_text"))).toBe("内容含有无法发送的字符（如控制字符），请删除后再试。");
    expect(refusalText(t, hub("room.invalid_text:q2"), (k) => (k === "q2" ? 5 : undefined))).toBe("第5题含有无法发送的字符，请删除后再试。");
    expect(refusedItem(hub("room.invalid_text:q2"))).toBe("q2");
  });

  it("says a malformed call is the page's fault, and neither is retried", () => {
    expect(refusalText(t, hub("room.bad_request"))).toBe("请求格式不正确，请刷新页面后重试（您的操作未生效）。");
    expect(isRetryable(hub("room.bad_request"))).toBe(false);
    expect(isRetryable(hub("room.invalid_text"))).toBe(false);
  });

  it("gives the reference of a server fault, which staff find in the log", () => {
    expect(refusalText(t, hub("room.server_error:0af7651916cd43dd8448eb211c80319c")))
      .toBe("出错了，请重试（您的操作未生效）。如问题持续，请把错误编号 0af7651916cd43dd8448eb211c80319c 告诉工作人员。");
    expect(refusalText(t, hub("room.server_error"))).toBe("出错了，请重试（您的操作未生效）。");
  });
});

describe("isRetryable and refusedItem", () => {
  it("retries only a lost connection or the server's try-again, never a refusal", () => {
    expect(isRetryable(new Error("WebSocket closed"))).toBe(true);
    expect(isRetryable(hub("room.try_again"))).toBe(true);
    expect(isRetryable(hub("room.invalid_answer"))).toBe(false);
    expect(isRetryable(hub("room.already_answered"))).toBe(false);
  });

  it("finds the item a refusal names", () => {
    expect(refusedItem(hub("room.item_too_long:q4.2000"))).toBe("q4");
    expect(refusedItem(hub("room.too_long:500"))).toBeNull();
  });
});
