import { Route, Routes } from 'react-router-dom';
import {
  CloudflarePostureContent,
  CloudflarePosturePage,
} from '../CloudflarePosturePage';
import {
  CloudflareRemediationContent,
  CloudflareRemediationPage,
} from './CloudflareRemediationPage';

/**
 * The posture page's routes: `/` the posture page, `/remediation` the remediation page. `content`
 * renders them without page headers (the new frontend system adds its own).
 */
export function CloudflarePostureRoutes(props: { content?: boolean }) {
  return (
    <Routes>
      <Route
        path="/"
        element={
          props.content ? (
            <CloudflarePostureContent />
          ) : (
            <CloudflarePosturePage />
          )
        }
      />
      <Route
        path="/remediation"
        element={
          props.content ? (
            <CloudflareRemediationContent />
          ) : (
            <CloudflareRemediationPage />
          )
        }
      />
    </Routes>
  );
}
