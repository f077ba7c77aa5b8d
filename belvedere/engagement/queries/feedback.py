"""Reads of configurable feedback: a programme's or an event's questions and their summary."""

from collections import Counter
from statistics import mean

from belvedere.engagement.forms_feedback import YES_NO
from belvedere.engagement.models import FeedbackQuestion, QuestionKind

MAX_TEXTS = 200


def list_questions(owner) -> list[FeedbackQuestion]:
    return list(owner.questions.all())


def summarize(questions, rows) -> list[dict]:
    """Per question: how many answered and, by kind, the average and spread of ratings, the
    count of each option, or the texts (newest first, at most MAX_TEXTS)."""
    summary = []
    for question in questions:
        key = str(question.pk)
        values = [row.answers.get(key) for row in rows if row.answers.get(key) not in (None, "")]
        item = {"id": question.pk, "label": question.label, "kind": question.kind}
        item["answered"] = len(values)
        if question.kind == QuestionKind.RATING:
            numbers = [int(v) for v in values if str(v).isdigit()]
            item["average"] = round(mean(numbers), 2) if numbers else None
            item["counts"] = {str(n): numbers.count(n) for n in range(1, 6)}
        elif question.kind in (QuestionKind.YESNO, QuestionKind.CHOICE):
            options = [str(v) for v, _label in YES_NO] if question.kind == "yesno" else None
            counted = Counter(map(str, values))
            item["counts"] = {o: counted.get(o, 0) for o in options or question.choice_list}
        else:
            item["texts"] = [str(v) for v in values[:MAX_TEXTS]]
        summary.append(item)
    return summary
