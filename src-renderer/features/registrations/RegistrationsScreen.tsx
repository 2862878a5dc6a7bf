import { useRoute } from '../../app/router';
import { MembersList } from './MembersList';
import { MemberEditor } from './MemberEditor';
import { MemberPage } from './MemberPage';
import { ImportScreen } from './ImportScreen';

/**
 * The Pendaftaran menu: the members list, and below it the sub-pages
 *   #/pendaftaran/baru               registration form
 *   #/pendaftaran/anggota/<id>       member page
 *   #/pendaftaran/anggota/<id>/ubah  edit form
 *   #/pendaftaran/impor              import from XLSX/CSV
 */
export function RegistrationsScreen() {
  const { path } = useRoute();
  const rest = path.replace(/^\/pendaftaran\/?/, '');
  if (rest === 'baru') return <MemberEditor memberId={null} />;
  if (rest === 'impor') return <ImportScreen />;
  const member = /^anggota\/([^/]+)(\/ubah)?$/.exec(rest);
  if (member) return member[2] ? <MemberEditor key={member[1]} memberId={member[1]} /> : <MemberPage key={member[1]} memberId={member[1]} />;
  return <MembersList />;
}
