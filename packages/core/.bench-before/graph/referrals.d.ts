import type { Contact } from '../model/contact.js';
/** One "who led to whom" link between two contacts. */
export interface ReferralEdge {
    /** Id of the contact who made the introduction. */
    readonly from: string;
    /** Id of the contact they led to. */
    readonly to: string;
    /** Where the link was written: the referred note's `referred_by`, the referrer's Outcomes, or both. */
    readonly sources: readonly ('referred_by' | 'outcomes')[];
}
/** A name listed in someone's Outcomes that has no note yet: a referral still to follow up. */
export interface PendingReferral {
    readonly from: string;
    readonly target: string;
}
export interface ReferralGraph {
    readonly edges: readonly ReferralEdge[];
    readonly pending: readonly PendingReferral[];
}
/** Builds the referral graph from `referred_by` links and Outcomes wikilinks. */
export declare function referralGraph(contacts: readonly Contact[]): ReferralGraph;
/** The people a contact led to. */
export declare function referralsOf(graph: ReferralGraph, id: string): string[];
/** The chain of introductions that led to a contact, oldest first (cycles are cut). */
export declare function referralChain(graph: ReferralGraph, id: string): string[];
/** Contacts that start a chain: they led to someone and nobody led to them. */
export declare function referralRoots(graph: ReferralGraph): string[];
/** The graph as a Mermaid flowchart: each person declared once, then who led to whom. */
export declare function referralsToMermaid(graph: ReferralGraph, contacts: readonly Contact[]): string;
/** The graph in Graphviz DOT. */
export declare function referralsToDot(graph: ReferralGraph, contacts: readonly Contact[]): string;
