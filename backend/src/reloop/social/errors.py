"""Error codes of the social graph."""

from reloop.kit.errors import Conflict, Forbidden, NotFound


class CannotFollowSelf(Conflict):
    code = "cannot_follow_self"
    message = "You cannot follow yourself."


class CannotBlockSelf(Conflict):
    code = "cannot_block_self"
    message = "You cannot block or mute yourself."


class MemberBlocked(Forbidden):
    code = "member_blocked"
    message = "A block between you and this member prevents this."


class CommentNotFound(NotFound):
    code = "comment_not_found"
    message = "No such comment."


class EditWindowClosed(Conflict):
    code = "edit_window_closed"
    message = "Comments can be edited for 15 minutes after posting."


class NotCommentAuthor(Forbidden):
    code = "not_comment_author"
    message = "Only the author can edit this comment."


class CannotDeleteComment(Forbidden):
    code = "cannot_delete_comment"
    message = "Only the author, the seller or a moderator can delete this comment."


class ItemNotCommentable(Conflict):
    code = "item_not_commentable"
    message = "This listing no longer takes comments."
