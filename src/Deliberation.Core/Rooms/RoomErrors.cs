using Deliberation.Core.Consultations;

namespace Deliberation.Core.Rooms;

/// <summary>Stable error codes of the room; clients show them in the user's language.</summary>
public static class RoomErrors
{
    /// <summary>The room does not exist or is not open to this caller.</summary>
    public const string NotFound = "room.not_found";
    /// <summary>The caller lacks the right for this action.</summary>
    public const string Forbidden = "room.forbidden";
    /// <summary>The public may only watch this session.</summary>
    public const string WatchOnly = "room.watch_only";
    /// <summary>A public visitor must choose a display name first.</summary>
    public const string NameRequired = "room.name_required";
    /// <summary>The session has ended; the room is read-only.</summary>
    public const string Closed = "room.closed";
    /// <summary>The text is empty.</summary>
    public const string Empty = "room.empty";
    /// <summary>
    /// The text holds characters that cannot be stored (NUL, a lone surrogate, a control character, a line break in a
    /// one-line field); the detail, when given, is the questionnaire item's key.
    /// </summary>
    public const string InvalidText = "room.invalid_text";
    /// <summary>The call itself is malformed: unknown method, wrong argument count or types (the browser never sends this).</summary>
    public const string BadRequest = "room.bad_request";
    /// <summary>The text is too long.</summary>
    public const string TooLong = "room.too_long";
    /// <summary>Too many actions in a short time.</summary>
    public const string RateLimited = "room.rate_limited";
    /// <summary>The caller is blocked in this session.</summary>
    public const string Blocked = "room.blocked";
    /// <summary>The item does not exist in this room.</summary>
    public const string ItemNotFound = "room.item_not_found";
    /// <summary>The item is not in a state that allows this.</summary>
    public const string WrongState = "room.wrong_state";
    /// <summary>The answer does not fit the poll or questionnaire.</summary>
    public const string InvalidAnswer = "room.invalid_answer";
    /// <summary>A required questionnaire item has no answer; the detail is the item's key.</summary>
    public const string AnswerRequired = "room.answer_required";
    /// <summary>A poll was submitted with nothing chosen.</summary>
    public const string ChoiceRequired = "room.choice_required";
    /// <summary>A rating poll was submitted without a rating.</summary>
    public const string RatingRequired = "room.rating_required";
    /// <summary>More options than the poll allows; the detail is the most allowed.</summary>
    public const string TooManyChoices = "room.too_many_choices";
    /// <summary>More options than a questionnaire item allows; the detail is "{key}.{most}".</summary>
    public const string ItemTooManyChoices = "room.item_too_many_choices";
    /// <summary>A questionnaire item's text is too long; the detail is "{key}.{limit}".</summary>
    public const string ItemTooLong = "room.item_too_long";
    /// <summary>Already answered and changing is not allowed.</summary>
    public const string AlreadyAnswered = "room.already_answered";
    /// <summary>Only checked-in members with voting rights may vote.</summary>
    public const string NotEligible = "room.not_eligible";
    /// <summary>The database was briefly unavailable; nothing was applied.</summary>
    public const string TryAgain = "room.try_again";
    /// <summary>Something unexpected failed; nothing was applied.</summary>
    public const string ServerError = "room.server_error";

    /// <summary>Throws a domain error with <paramref name="code"/>.</summary>
    public static DomainException Fail(string code, string? detail = null) => new(code, detail);
}
