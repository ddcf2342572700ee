// The console writes times like the room (one cached formatter: hundreds of rows are drawn).
export { time } from "../../lib/dom";
