package io.creditflow.messaging.sms;

import io.creditflow.messaging.Channel;
import io.creditflow.messaging.SmsProvider;
import io.creditflow.messaging.SmsProvider.SendFailure;
import io.creditflow.messaging.outbox.Envelope;
import io.creditflow.messaging.outbox.Transport;

/** The SMS channel: hands the text to the configured {@link SmsProvider}. */
public final class SmsTransport implements Transport {

    private final SmsProvider provider;
    private final String sender;

    public SmsTransport(SmsProvider provider, String sender) {
        this.provider = provider;
        this.sender = sender;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public Accepted send(Envelope envelope) throws SendFailure {
        String to = envelope.content().recipient();
        if (to == null) {
            throw new SendFailure("no phone number", true);
        }
        return new Accepted(provider.send(to, sender, envelope.content().text(), envelope.id().toString()), false,
                null);
    }
}
