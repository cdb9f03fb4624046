/** How a response arrived, in the order they are listed everywhere (analysis, forms, import messages). */
export const CHANNELS = ['online', 'paper', 'email', 'phone', 'event', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels staff key in by hand ("Key in a response"). */
export const KEYED_IN_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'online' | 'import'> => c !== 'online' && c !== 'import');

/** A channel as people read it: "Paper". */
export const channelLabel = (channel: string) => channel.charAt(0).toUpperCase() + channel.slice(1);
