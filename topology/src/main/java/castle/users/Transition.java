package castle.users;

import castle.schema.users.ApiKeyRecord;
import castle.schema.users.UserEvent;
import castle.schema.users.UserRecord;

/**
 * What one user command did: the user afterwards, the single event that reports it, and the API key
 * record to publish when a key was created or revoked.
 *
 * @param user the user after the command; null when there is none (a refused command for an unknown email)
 * @param changed whether {@code user} differs from before and must be stored
 * @param event the command's one event on users.events
 * @param apiKey the record for users.apikeys, or null
 */
public record Transition(UserRecord user, boolean changed, UserEvent event, ApiKeyRecord apiKey) {}
