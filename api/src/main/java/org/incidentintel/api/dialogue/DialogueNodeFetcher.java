package org.incidentintel.api.dialogue;

import java.util.List;
import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for dialogue rounds.
 */
@Component
class DialogueNodeFetcher implements NodeFetcher {

	private final Dialogues dialogues;

	DialogueNodeFetcher(Dialogues dialogues) {
		this.dialogues = dialogues;
	}

	@Override
	public String type() {
		return DialogueController.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return Optional.ofNullable(this.dialogues.findByIds(List.of(id)).get(id));
	}

}
