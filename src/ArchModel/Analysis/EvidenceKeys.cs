namespace ArchModel.Analysis;

/// <summary>
/// The keys of <see cref="Finding.Evidence"/> for each built-in rule, one nested class per rule named as in
/// <see cref="RuleCodes"/>: <c>finding.Evidence[EvidenceKeys.DuplicateBuild.Capability]</c>.
/// </summary>
/// <remarks>
/// A key means what its rule's class says; the same spelling may mean other things in two rules (<c>kind</c> is
/// an overlap kind in AM1001 and a network kind in AM2006), so read a key together with <see cref="Finding.Rule"/>.
/// Values are strings, <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>, <see langword="null"/> or
/// read-only lists of strings; enum values are in their JSON spelling. docs/rules.md describes every rule's evidence.
/// </remarks>
public static class EvidenceKeys
{
    /// <summary>Evidence of AM1001 (<see cref="RuleCodes.DuplicateBuild"/>).</summary>
    public static class DuplicateBuild
    {
        /// <summary>How the group's scopes overlap: <see cref="OverlapKinds.Horizontal"/>, <see cref="OverlapKinds.Vertical"/> or <see cref="OverlapKinds.SharedUse"/> (string).</summary>
        public const string Kind = "kind";

        /// <summary>Where the group overlaps (string): for a horizontal overlap the jurisdiction spelled <c>level:region</c>
        /// (e.g. <c>county:110101</c>), for a vertical one the id of the group's topmost owner (the head of that part of the line), for shared use
        /// the id of the agency both scopes hold.</summary>
        public const string Anchor = "anchor";

        /// <summary>The id of the capability the systems duplicate (string).</summary>
        public const string Capability = "capability";

        /// <summary>Whether the capability is one to build once and share (bool).</summary>
        public const string CapabilityShareable = "capabilityShareable";

        /// <summary>The members' total annual operation cost minus the largest (double; a missing cost counts 0).</summary>
        public const string AvoidableAnnualCost = "avoidableAnnualCost";

        /// <summary>How many members record no annual operation cost (a whole number): the avoidable cost leaves them out.</summary>
        public const string MembersWithoutCost = "membersWithoutCost";

        /// <summary>The members' owners, sorted ordinally (list of agency ids).</summary>
        public const string Owners = "owners";
    }

    /// <summary>Evidence of AM1002 (<see cref="RuleCodes.ProbableDuplicate"/>).</summary>
    public static class ProbableDuplicate
    {
        /// <summary>How the group's scopes overlap: <see cref="OverlapKinds.Horizontal"/>, <see cref="OverlapKinds.Vertical"/> or <see cref="OverlapKinds.SharedUse"/> (string).</summary>
        public const string Kind = "kind";

        /// <summary>Where the group overlaps (string), as <see cref="DuplicateBuild.Anchor"/> of AM1001.</summary>
        public const string Anchor = "anchor";

        /// <summary>The highest name similarity of the links that joined the group (double, 0–1; docs/rules.md).</summary>
        public const string Similarity = "similarity";

        /// <summary>The lowest name similarity of the links that joined the group (double, 0–1; docs/rules.md).</summary>
        public const string MinSimilarity = "minSimilarity";

        /// <summary>The members' names, in the order of <see cref="Finding.Elements"/> (list of strings).</summary>
        public const string Names = "names";

        /// <summary>The members' owners, sorted ordinally (list of agency ids).</summary>
        public const string Owners = "owners";
    }

    /// <summary>Evidence of AM1003 (<see cref="RuleCodes.DuplicateHosting"/>).</summary>
    public static class DuplicateHosting
    {
        /// <summary>The jurisdiction the platforms serve, spelled <c>level:region</c> (string).</summary>
        public const string Jurisdiction = "jurisdiction";

        /// <summary>The jurisdiction's level in its JSON spelling, e.g. <c>provincial</c> (string).</summary>
        public const string Level = "level";

        /// <summary>The jurisdiction's region code (string).</summary>
        public const string Region = "region";

        /// <summary>The id of the shared platform to move to, or <see langword="null"/> when none serves the jurisdiction.</summary>
        public const string Target = "target";

        /// <summary>The ids of the active systems hosted on the platforms of the finding (list of strings).</summary>
        public const string SystemsToMove = "systemsToMove";
    }

    /// <summary>Evidence of AM1004 (<see cref="RuleCodes.DuplicateDataCollection"/>).</summary>
    public static class DuplicateDataCollection
    {
        /// <summary>The resources' category in its JSON spelling (string).</summary>
        public const string Category = "category";

        /// <summary>The resources' owners, sorted ordinally (list of agency ids).</summary>
        public const string Owners = "owners";
    }

    /// <summary>Evidence of AM2001 (<see cref="RuleCodes.IsolatedSystem"/>).</summary>
    public static class IsolatedSystem
    {
        /// <summary>The id of the system's owner (string).</summary>
        public const string Owner = "owner";

        /// <summary>The system's status in its JSON spelling (string).</summary>
        public const string Status = "status";
    }

    /// <summary>Evidence of AM2002 (<see cref="RuleCodes.Island"/>).</summary>
    public static class Island
    {
        /// <summary>How many systems the island holds (long).</summary>
        public const string ComponentSize = "componentSize";

        /// <summary>How many systems the main component holds (long).</summary>
        public const string MainComponentSize = "mainComponentSize";

        /// <summary>The ordinally first system id of the main component (string).</summary>
        public const string MainComponentFirst = "mainComponentFirst";

        /// <summary>The owners of the island's systems, sorted ordinally (list of agency ids).</summary>
        public const string Owners = "owners";
    }

    /// <summary>Evidence of AM2003 (<see cref="RuleCodes.ClosedAgency"/>).</summary>
    public static class ClosedAgency
    {
        /// <summary>The ids of the agency's silo systems, sorted ordinally (list of strings).</summary>
        public const string Systems = "systems";
    }

    /// <summary>Evidence of AM2004 (<see cref="RuleCodes.Stovepipe"/>).</summary>
    public static class Stovepipe
    {
        /// <summary>How many vertical cross-agency flows the agency takes part in (long).</summary>
        public const string VerticalFlows = "verticalFlows";

        /// <summary>The agencies at the other end of those flows, sorted ordinally (list of agency ids).</summary>
        public const string VerticalPartners = "verticalPartners";
    }

    /// <summary>Evidence of AM2005 (<see cref="RuleCodes.UnsharedResource"/>).</summary>
    public static class UnsharedResource
    {
        /// <summary>The id of the resource's owner (string).</summary>
        public const string Owner = "owner";

        /// <summary>The resource's sharing level in its JSON spelling (string).</summary>
        public const string Sharing = "sharing";

        /// <summary>Whether the owner has systems of its own (bool).</summary>
        public const string OwnerHasSystems = "ownerHasSystems";

        /// <summary>The ids of the systems holding the resource, sorted ordinally (list of strings).</summary>
        public const string HeldBy = "heldBy";
    }

    /// <summary>Evidence of AM2006 (<see cref="RuleCodes.NetworkIsland"/>).</summary>
    public static class NetworkIsland
    {
        /// <summary>The network's kind in its JSON spelling, e.g. <c>dedicated</c> (string).</summary>
        public const string Kind = "kind";

        /// <summary>The ids of the networks of this network's linked component, itself included (list of strings).</summary>
        public const string LinkedComponent = "linkedComponent";

        /// <summary>The ids of the active systems on the network, sorted ordinally (list of strings).</summary>
        public const string Systems = "systems";
    }

    /// <summary>Evidence of AM2007 (<see cref="RuleCodes.UnroutableFlow"/>).</summary>
    public static class UnroutableFlow
    {
        /// <summary>The id of the sending system (string).</summary>
        public const string From = "from";

        /// <summary>The id of the receiving system (string).</summary>
        public const string To = "to";

        /// <summary>The sender's networks, sorted ordinally (list of ids).</summary>
        public const string FromNetworks = "fromNetworks";

        /// <summary>The receiver's networks, sorted ordinally (list of ids).</summary>
        public const string ToNetworks = "toNetworks";
    }

    /// <summary>Evidence of AM3001 (<see cref="RuleCodes.BuiltButUnused"/>).</summary>
    public static class BuiltButUnused
    {
        /// <summary>The system's monthly active users (long).</summary>
        public const string MonthlyActiveUsers = "monthlyActiveUsers";

        /// <summary>The model's <c>zombieMonthlyActiveUsers</c> threshold (long).</summary>
        public const string Threshold = "threshold";

        /// <summary>The system's annual operation cost, or <see langword="null"/> when not recorded (double).</summary>
        public const string AnnualOperation = "annualOperation";

        /// <summary>The id of the system's owner (string).</summary>
        public const string Owner = "owner";
    }

    /// <summary>Evidence of AM3002 (<see cref="RuleCodes.InvestmentWithoutResult"/>).</summary>
    public static class InvestmentWithoutResult
    {
        /// <summary>The id of the project's agency (string).</summary>
        public const string Agency = "agency";

        /// <summary>The project's stage in its JSON spelling (string).</summary>
        public const string Stage = "stage";

        /// <summary>The project's budget, or <see langword="null"/> when not recorded (double).</summary>
        public const string Budget = "budget";
    }

    /// <summary>Evidence of AM4001 (<see cref="RuleCodes.ClassifiedOnOpenNetwork"/>).</summary>
    public static class ClassifiedOnOpenNetwork
    {
        /// <summary>The ids of the classified resources carried or held, sorted ordinally (list of strings).</summary>
        public const string Resources = "resources";

        /// <summary>The ids of the non-classified networks involved, sorted ordinally (list of strings).</summary>
        public const string Networks = "networks";

        /// <summary>For a flow: whether the flow declares its <c>via</c> networks (bool); absent for a system.</summary>
        public const string ViaDeclared = "viaDeclared";
    }

    /// <summary>Evidence of AM4002 (<see cref="RuleCodes.ExposedProtectedSystem"/>).</summary>
    public static class ExposedProtectedSystem
    {
        /// <summary>The system's protection level (long).</summary>
        public const string ProtectionLevel = "protectionLevel";

        /// <summary>The model's <c>exposureMinProtectionLevel</c> (long).</summary>
        public const string Threshold = "threshold";

        /// <summary>The ids of the internet networks the system is on, sorted ordinally (list of strings).</summary>
        public const string Networks = "networks";
    }

    /// <summary>Evidence of AM4003 (<see cref="RuleCodes.ForeignCoreTechnology"/>).</summary>
    public static class ForeignCoreTechnology
    {
        /// <summary>The system's protection level (long).</summary>
        public const string ProtectionLevel = "protectionLevel";

        /// <summary>The foreign core components, each spelled <c>category:name</c>, sorted ordinally (list of strings).</summary>
        public const string ForeignComponents = "foreignComponents";

        /// <summary>Their categories in their JSON spelling, sorted ordinally (list of strings).</summary>
        public const string Categories = "categories";

        /// <summary>Their vendors where recorded, sorted ordinally (list of strings).</summary>
        public const string Vendors = "vendors";
    }

    /// <summary>Evidence of AM4004 (<see cref="RuleCodes.UnsafeNetworkLink"/>).</summary>
    public static class UnsafeNetworkLink
    {
        /// <summary>The id of the classified network (string).</summary>
        public const string ClassifiedNetwork = "classifiedNetwork";

        /// <summary>The id of the non-classified network (string).</summary>
        public const string OpenNetwork = "openNetwork";

        /// <summary>The <c>via</c> values declared for the link, in their JSON spelling (list of strings).</summary>
        public const string Via = "via";
    }

    /// <summary>Evidence of AM5001 (<see cref="RuleCodes.DedicatedNetwork"/>).</summary>
    public static class DedicatedNetwork
    {
        /// <summary>The id of the unified network to migrate to (string).</summary>
        public const string Target = "target";

        /// <summary>Whether the dedicated network is already linked to the target (bool).</summary>
        public const string TargetLinked = "targetLinked";

        /// <summary>Whether the dedicated network is classified (bool).</summary>
        public const string Classified = "classified";

        /// <summary>The ids of the active systems on the dedicated network, sorted ordinally (list of strings).</summary>
        public const string SystemsToMove = "systemsToMove";
    }

    /// <summary>Evidence of AM5002 (<see cref="RuleCodes.CloudMigration"/>).</summary>
    public static class CloudMigration
    {
        /// <summary>The id of the shared platform to move to (string).</summary>
        public const string Target = "target";

        /// <summary>The id of the platform the system is on now (string).</summary>
        public const string CurrentPlatform = "currentPlatform";

        /// <summary>The system's annual operation cost, or <see langword="null"/> when not recorded (double).</summary>
        public const string AnnualOperation = "annualOperation";
    }
}

/// <summary>The values of the <c>kind</c> evidence of AM1001 and AM1002: how the scopes of a group overlap.</summary>
public static class OverlapKinds
{
    /// <summary>The owners are in one jurisdiction (same level and region): 横向, the same place at the same level.</summary>
    public const string Horizontal = "horizontal";

    /// <summary>One owner is above the other on its sector line: 纵向.</summary>
    public const string Vertical = "vertical";

    /// <summary>An agency is in both scopes (owner or user): 共用.</summary>
    public const string SharedUse = "shared-use";
}
