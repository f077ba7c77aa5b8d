"""`belvedere token create|list|revoke`: personal API tokens from the command line."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from belvedere.accounts.models import ApiToken, User
from belvedere.accounts.tokens import create_token, revoke_token


def get_member(email: str, *, active: bool = False) -> User:
    member = User.objects.filter(email__iexact=email.strip()).first()
    if member is None:
        raise CommandError(f"No member has the email address {email!r}.")
    if active and not member.is_active:
        raise CommandError(f"The member {email!r} is deactivated: a token would not work.")
    return member


class Command(BaseCommand):
    help = "Create, list or revoke a member's personal API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="create a token; prints it on the last line")
        create.add_argument("email", help="the member's email address")
        create.add_argument("--name", default="Command line", help="what the token is for")
        listing = actions.add_parser("list", help="list a member's tokens")
        listing.add_argument("email", help="the member's email address")
        revoke = actions.add_parser("revoke", help="revoke the token that starts with PREFIX")
        revoke.add_argument("email", help="the member's email address")
        revoke.add_argument("prefix", help="the first characters of the token, e.g. bvd_AbC123")

    def handle(self, *args: object, action: str, email: str, **options: object) -> None:
        member = get_member(email, active=action == "create")
        if action == "create":
            self.create(member, str(options["name"]))
        elif action == "list":
            self.list(member)
        else:
            self.revoke(member, str(options["prefix"]))

    def create(self, member: User, name: str) -> None:
        token, raw = create_token(member, name=name)
        self.stderr.write(f"Token {token.name!r} created for {member.email}. Keep it secret:")
        self.stderr.write("it is shown only this once.")
        self.stdout.write(raw)

    def list(self, member: User) -> None:
        tokens = list(member.api_tokens.all())
        if not tokens:
            self.stdout.write(f"{member.email} has no API token.")
        for token in tokens:
            state = "revoked" if token.revoked_at else "active"
            used = token.last_used_at.isoformat() if token.last_used_at else "never used"
            created = token.created_at.isoformat()
            self.stdout.write(f"{token.prefix}  {state:7}  {created}  {used}  {token.name}")

    def revoke(self, member: User, prefix: str) -> None:
        prefix = prefix.strip()
        matches = [
            t for t in member.api_tokens.filter(revoked_at__isnull=True) if _matches(t, prefix)
        ]
        if len(matches) != 1:
            problem = "No active token" if not matches else "More than one active token"
            raise CommandError(f"{problem} of {member.email} starts with {prefix!r}.")
        revoke_token(matches[0], actor=member)
        self.stdout.write(f"Revoked {matches[0]}.")


def _matches(token: ApiToken, prefix: str) -> bool:
    shorter = min(len(prefix), len(token.prefix))
    return len(prefix) >= 6 and token.prefix[:shorter] == prefix[:shorter]
