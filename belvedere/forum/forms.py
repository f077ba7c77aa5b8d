"""Forum forms: composer (new topic, reply, edit) and staff actions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from belvedere.forum.models import REACTIONS, Category
from belvedere.forum.services import MAX_TAGS, check_image, normalise_tags

BODY_HELP = _(
    "Markdown: **bold**, *italic*, `code`, > quote, [link](https://…), ![image](https://…)."
)


def body_field():
    return forms.CharField(
        label=_("Message"),
        min_length=2,
        max_length=20000,
        strip=True,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ImageMixin(forms.Form):
    image = forms.FileField(
        label=_("Add an image"), required=False, help_text=_("PNG, JPEG, GIF or WebP.")
    )

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image:
            check_image(image)
        return image


class TopicForm(ImageMixin):
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    title = forms.CharField(label=_("Title"), min_length=5, max_length=200)
    body = body_field()
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        help_text=_("Up to %(n)d words, separated by commas.") % {"n": MAX_TAGS},
    )
    field_order = ["category", "title", "body", "tags", "image"]

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            pk__in=[c.pk for c in categories]
        )

    def clean_tags(self):
        return normalise_tags(self.cleaned_data.get("tags", ""))


class ReplyForm(ImageMixin):
    body = body_field()
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class EditPostForm(forms.Form):
    title = forms.CharField(label=_("Title"), min_length=5, max_length=200, required=False)
    body = body_field()
    tags = forms.CharField(label=_("Tags"), required=False, max_length=200)
    reason = forms.CharField(label=_("Reason for the edit"), required=False, max_length=500)

    def __init__(self, *args, first_post=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not first_post:
            del self.fields["title"], self.fields["tags"]
        else:
            self.fields["title"].required = True

    def clean_tags(self):
        return normalise_tags(self.cleaned_data.get("tags", ""))


class TopicActionForm(forms.Form):
    ACTIONS = [(key, key) for key in ("pin", "unpin", "lock", "unlock", "close", "reopen", "move")]
    action = forms.ChoiceField(choices=ACTIONS)
    category = forms.ModelChoiceField(queryset=Category.objects.all(), required=False)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)

    def clean(self):
        data = super().clean()
        if data.get("action") == "move" and not data.get("category"):
            raise ValidationError(_("Choose the category to move the topic to."))
        return data


class PostActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(k, k) for k in ("hide", "delete", "restore", "approve")])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)

    def clean(self):
        data = super().clean()
        if data.get("action") == "hide" and not data.get("reason", "").strip():
            raise ValidationError(_("Say why the post is hidden: its author will see it."))
        return data


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k, v) for k, v in REACTIONS.items()])
