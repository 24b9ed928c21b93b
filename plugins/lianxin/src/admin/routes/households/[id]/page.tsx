import { useParams } from "react-router-dom"
import { ConsentsSection } from "../../../components/household/consents-section"
import { ProductsSection } from "../../../components/household/products-section"
import { ProfileSection } from "../../../components/household/profile-section"
import { RegistrySection } from "../../../components/household/registry-section"
import { HouseholdEarnings } from "../../../components/household-earnings"
import { QueryState } from "../../../components/query-state"
import type { HouseholdDetail } from "../../../lib/households"
import { useAdminQuery } from "../../../lib/query"

/** One household: profile, products, earnings, consents and the registry (components/household/*). */
const HouseholdPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, error } = useAdminQuery<{ household: HouseholdDetail }>(`/admin/households/${id}`)
  const h = data?.household
  if (!h) return <QueryState error={error} />
  return (
    <div className="flex flex-col gap-y-3">
      <ProfileSection household={h} />
      <ProductsSection household={h} />
      <HouseholdEarnings householdId={h.id} />
      <ConsentsSection householdId={h.id} />
      <RegistrySection householdId={h.id} consent={h.registry_data_consent} />
    </div>
  )
}

export default HouseholdPage
